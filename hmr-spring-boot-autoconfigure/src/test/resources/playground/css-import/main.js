import './imported.css'
